import { useT } from '../i18n';

/** The seal-like mark and the product's name. */
export function Brand({ size = 'header' }: { size?: 'header' | 'large' }) {
  const t = useT();
  return (
    <div className={`gj-brand gj-brand-${size}`}>
      <span className="gj-seal" aria-hidden>
        攻坚
      </span>
      <span className="gj-brand-text">
        <span className="gj-brand-name">{t('app.name')}</span>
        <span className="gj-brand-sub">{t('app.fullName')}</span>
      </span>
    </div>
  );
}
