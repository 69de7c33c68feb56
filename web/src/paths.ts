/**
 * What the pages and the page table share, as a leaf: the props every page receives and where
 * each role starts. Pages import this, the page table (`pages.tsx`) imports the pages: never the
 * other way round. Links are the hash paths themselves (`/loans/${id}`), as `pages.tsx` lists them.
 */
import type { Role } from './auth.tsx';
import type { Route } from './router.tsx';

export interface PageProps {
  route: Route;
  /** the path's second part (a record id), '' when absent */
  id: string;
}

/** Where each role starts. */
export const HOME: Record<Role, string> = { committee: '/dashboard', district: '/applications', township: '/applications', field: '/my-work' };
