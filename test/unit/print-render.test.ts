import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { it, expect } from 'vitest';
import { Bi } from '../../web/src/print/parts.tsx';
it('x', () => { expect(renderToStaticMarkup(createElement(Bi, { text: { bo: 'a', zh: 'b' } }))).toContain('a'); });
