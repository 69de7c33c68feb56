/** Stylesheets imported from code (Vite adds them to the page). */
declare module '*.css';
