// HTML stand-ins for @hubspot/ui-extensions' Tabs and Tab: a tab list with the chosen tab's
// content below it, controlled (`selected`) or not (`defaultSelected`).
import {
  Children,
  type ReactElement,
  type ReactNode,
  isValidElement,
  useId,
  useState,
} from 'react';

type TabId = string | number;

export interface TabProps {
  tabId?: TabId;
  title?: string;
  disabled?: boolean;
  tooltip?: string;
  children?: ReactNode;
}

/** A tab's content; Tabs reads its props to draw the tab list. */
export function Tab(props: TabProps) {
  return <>{props.children}</>;
}

export function Tabs(props: {
  children?: ReactNode;
  selected?: TabId;
  defaultSelected?: TabId;
  onSelectedChange?: (selectedId: never) => void;
  variant?: 'default' | 'enclosed';
  fill?: boolean;
}) {
  const id = useId();
  const tabs = Children.toArray(props.children).filter((child): child is ReactElement<TabProps> =>
    isValidElement(child),
  );
  const idOf = (tab: ReactElement<TabProps>, index: number): TabId => tab.props.tabId ?? index;
  const [chosen, setChosen] = useState<TabId | undefined>(props.defaultSelected);
  const current = props.selected ?? chosen ?? (tabs[0] ? idOf(tabs[0], 0) : undefined);
  const select = props.onSelectedChange as ((selectedId: TabId) => void) | undefined;
  return (
    <div className={`bt-tabs bt-tabs--${props.variant ?? 'default'}`}>
      <div className={`bt-tabs__list${props.fill ? ' bt-tabs__list--fill' : ''}`} role="tablist">
        {tabs.map((tab, index) => {
          const tabId = idOf(tab, index);
          const on = tabId === current;
          return (
            <button
              key={String(tabId)}
              type="button"
              role="tab"
              id={`${id}-tab-${index}`}
              aria-selected={on}
              aria-controls={`${id}-panel`}
              title={tab.props.tooltip}
              disabled={tab.props.disabled}
              className={`bt-tabs__tab${on ? ' bt-tabs__tab--on' : ''}`}
              onClick={() => {
                setChosen(tabId);
                select?.(tabId);
              }}
            >
              {tab.props.title}
            </button>
          );
        })}
      </div>
      <div
        className="bt-tabs__panel"
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${Math.max(
          0,
          tabs.findIndex((tab, i) => idOf(tab, i) === current),
        )}`}
      >
        {tabs.find((tab, index) => idOf(tab, index) === current)}
      </div>
    </div>
  );
}
