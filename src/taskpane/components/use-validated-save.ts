/**
 * The save flow every form of the pane shares: check the form (errors stay on their fields and nothing is
 * saved), else save the value while the button says "Saving…". Failures to store are the caller's to show
 * (the pane's MessageBar); the hook only reports whether the store said yes.
 */
import { useState } from 'react';

export type Checked<V, E> = { value: V } | { errors: E };

export function useValidatedSave<V, E extends object>(
  check: () => Checked<V, E>,
  store: (value: V) => Promise<boolean>,
): { errors: Partial<E>; saving: boolean; save: () => Promise<boolean> } {
  const [errors, setErrors] = useState<Partial<E>>({});
  const [saving, setSaving] = useState(false);
  async function save(): Promise<boolean> {
    const checked = check();
    if ('errors' in checked) {
      setErrors(checked.errors);
      return false;
    }
    setErrors({});
    setSaving(true);
    try {
      return await store(checked.value);
    } finally {
      setSaving(false);
    }
  }
  return { errors, saving, save };
}
