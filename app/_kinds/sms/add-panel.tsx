// "Add a Phone Number" on the Trusted Devices page: the number's form (./add-form.tsx), with the
// thought of adding a number of someone close.
import { phoneCountries } from '@/src/devices/phone-numbers.ts';
import type { AddProps } from '../kind-ui.ts';
import { AddPhoneNumberForm } from './add-form.tsx';
import styles from '../../account/security/devices/devices.module.css';

export function AddPhoneNumberPanel({ countryCode, formKey }: AddProps) {
  return (
    <section className="panel" aria-labelledby="phone-heading">
      <h2 id="phone-heading">Add a Phone Number</h2>
      <p className={styles.hint}>
        You can also add the number of someone close to you, such as a family member, to use if you&apos;re without your own devices.
      </p>
      <div className={styles.formSpace}>
        <AddPhoneNumberForm key={`phone-${formKey}`} countries={phoneCountries('en')} defaultCountry={countryCode} />
      </div>
    </section>
  );
}
