/** A small hash router: `#/loans/01ABC…?status=active`. */
import { useEffect, useState, type AnchorHTMLAttributes } from 'react';

export interface Route {
  path: string;
  parts: string[];
  query: URLSearchParams;
}

function current(): Route {
  const [path = '/', qs = ''] = location.hash.replace(/^#/, '').split('?');
  return { path: path || '/', parts: path.split('/').filter(Boolean), query: new URLSearchParams(qs) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const on = () => setRoute(current());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(to: string): void {
  location.hash = to;
}

export function Link({ to, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a href={`#${to}`} {...rest} />;
}

/** Builds `#/path?query` keeping only the set values. */
export function hrefOf(path: string, query: Record<string, string | undefined>): string {
  const q = Object.entries(query).filter((e): e is [string, string] => !!e[1]);
  return q.length ? `${path}?${new URLSearchParams(q)}` : path;
}
