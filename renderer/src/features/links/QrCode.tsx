/**
 * A QR code of a link, so it can be opened on a phone: an SVG made by `qrcode`, shown as an <img> with a
 * data: URL (the page's CSP allows data: images). A link too long for a QR code says so instead. The
 * encoder is loaded the first time a code is shown, so it does not weigh on the app's start.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The code of one text: made, too long to encode, or not available (the encoder could not be loaded). */
type QrImage =
  | { readonly text: string; readonly kind: 'ready'; readonly src: string }
  | { readonly text: string; readonly kind: 'too-long' }
  | { readonly text: string; readonly kind: 'unavailable' };

/** The QR code of `text`. */
export function QrCode({ text }: { readonly text: string }) {
  const { t } = useTranslation('links');
  const [image, setImage] = useState<QrImage | undefined>(undefined);
  useEffect(() => {
    let current = true;
    const show = (next: QrImage) => {
      if (current) setImage(next);
    };
    import('qrcode').then(
      ({ default: QRCode }) =>
        // Why level L: presigned URLs are long (an STS token adds ~1.5 KB) and a screen is not a damaged
        // print, so the densest level, which holds the most, is the one to use.
        QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 }).then(
          (svg) => show({ text, kind: 'ready', src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` }),
          () => show({ text, kind: 'too-long' }),
        ),
      () => show({ text, kind: 'unavailable' }),
    );
    return () => {
      current = false;
    };
  }, [text]);
  if (image === undefined || image.text !== text) return <div className="links-qr" aria-busy="true" />;
  if (image.kind === 'unavailable') return null;
  if (image.kind === 'too-long') return <p className="help-text">{t('result.qrTooLong')}</p>;
  return <img className="links-qr" src={image.src} alt={t('result.qrAlt')} data-testid="qr-code" />;
}
