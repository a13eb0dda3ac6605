// What the preview build puts in place of @hubspot/ui-extensions (an esbuild alias): the same
// names, rendered as HTML. A card importing anything not here fails the build, loudly.
import './stand-ins.css';

export * from './layout';
export * from './inputs';
export * from './table';
export * from './tabs';
export { hubspot } from './hubspot-host';
