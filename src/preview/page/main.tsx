// The preview bundle's entry (built by scripts/preview/bundle-preview.ts, with
// @hubspot/ui-extensions swapped for ./stand-ins): the page, rendered into #root.
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';
import './preview.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<PreviewApp />);
