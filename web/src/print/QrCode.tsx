/**
 * A QR code on a printed page, drawn as one SVG path (sharp on paper at any size). The QR
 * library (`uqr`) is imported when a printed page first draws one, so it stays out of every
 * other page's code (the field pages' above all). `data-url` carries the link it encodes.
 */
import { useEffect, useState } from 'react';
import { Bi, type BiText } from './parts.tsx';

/** The SVG path of a QR code's dark modules, one unit per module. */
export function qrPath(data: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return parts.join('');
}

export function QrCode({ url, caption, className }: { url: string; caption: BiText; className?: string }) {
  const [qr, setQr] = useState<{ url: string; size: number; path: string }>();
  useEffect(() => {
    let live = true;
    void import('uqr').then(({ encode }) => {
      // a quiet zone of 2 modules around it; error correction M survives a crease or a stain
      const { data, size } = encode(url, { ecc: 'M', border: 2 });
      if (live) setQr({ url, size, path: qrPath(data) });
    });
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <figure className={className ? `pr-qr ${className}` : 'pr-qr'}>
      {qr?.url === url ? (
        <svg viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges" role="img" aria-label={caption.zh} data-url={url}>
          <rect width={qr.size} height={qr.size} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
      ) : (
        <div className="pr-qr-wait" aria-hidden="true" />
      )}
      <figcaption>
        <Bi text={caption} className="pr-small" />
      </figcaption>
    </figure>
  );
}

/** The public check of a receipt, from the page it is printed on: `…/#/verify/{loanId}/{repaymentId}?t=`. */
export function verifyUrl(loanId: string, repaymentId: string, token: string): string {
  return `${location.origin}${location.pathname}#/verify/${encodeURIComponent(loanId)}/${encodeURIComponent(repaymentId)}?t=${encodeURIComponent(token)}`;
}
