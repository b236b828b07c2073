'use client';
// During setup, on Trusted Devices: the way on to the next step once a trusted phone is verified.
// Right after a device was verified it takes focus, so the keyboard is one Tab from Continue rather
// than at the top of the page with the whole list of devices in between.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useFocusOnMount } from '../../../components/focus-on-mount.tsx';

export function SetupContinue({
  sentence,
  href,
  justVerified,
}: {
  /** What was set up and what comes next, in a sentence. */
  sentence: string;
  href: string;
  /** A device was verified in the request that brought this page: focus comes here. */
  justVerified: boolean;
}) {
  const t = useTranslations('clientDevices');
  const ref = useFocusOnMount<HTMLParagraphElement>();
  return (
    <div className="panel" data-testid="setup-continue">
      <p ref={justVerified ? ref : undefined} tabIndex={justVerified ? -1 : undefined} id="setup-continue-said">
        {sentence}
      </p>
      <Link className="button" href={href}>
        {t('continue')}
      </Link>
    </div>
  );
}
