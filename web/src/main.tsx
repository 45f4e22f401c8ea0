import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { takeTokenFromFragment } from './api/token.ts';
import './styles.css';

// The token leaves the address bar before anything else runs (history, referrers, screenshots).
takeTokenFromFragment();
if (window.location.pathname === '/' || window.location.pathname === '') {
  window.history.replaceState(null, '', `/console/${window.location.search}${window.location.hash}`);
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
