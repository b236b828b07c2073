// "Add a Phone Number" on the Trusted Devices page: the number's form (./add-form.tsx), with the
// thought of adding a number of someone close.
import { getTranslations } from 'next-intl/server';
import { phoneCountries } from '@/src/devices/phone-numbers.ts';
import { formattingLocale } from '@/src/i18n/translate.ts';
import { requestLocale } from '../../i18n/locale.ts';
import type { AddProps } from '../kind-ui.ts';
import { AddPhoneNumberForm } from './add-form.tsx';
import styles from '../../account/security/devices/devices.module.css';

export async function AddPhoneNumberPanel({ countryCode, formKey }: AddProps) {
  const t = await getTranslations('kinds.sms');
  const locale = formattingLocale(await requestLocale());
  return (
    <section className="panel" aria-labelledby="phone-heading">
      <h2 id="phone-heading">{t('panelHeading')}</h2>
      <p className={styles.hint}>{t('panelHint')}</p>
      <div className={styles.formSpace}>
        <AddPhoneNumberForm key={`phone-${formKey}`} countries={phoneCountries(locale)} defaultCountry={countryCode} />
      </div>
    </section>
  );
}
