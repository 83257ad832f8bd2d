import type { ReactNode } from 'react';
import type { CommandForm } from './use-command-form';
import { ErrorNote } from '../ui/bits';
import { useApp } from '../shell/app-context';

/** A labelled field with its refusal right under it, tied to the input for screen readers. */
export function Field({
  form,
  prefix,
  name,
  label,
  hint,
  children,
}: {
  form: CommandForm;
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const id = `${prefix}-${name}`;
  const refused = form.error?.field === name ? form.error.error : null;
  const describedBy = [hint ? `${id}-hint` : null, refused ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={refused ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, 'aria-invalid': refused !== null, 'aria-describedby': describedBy })}
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {refused && <ErrorNote error={refused} id={`${id}-error`} />}
    </div>
  );
}

export type FieldProps = Readonly<{ id: string; name: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }>;

/** The refusal that names no field of this form, and the success message. */
export function FormOutcome({ form, fields }: { form: CommandForm; fields: readonly string[] }) {
  const app = useApp();
  return (
    <>
      {form.error && !fields.includes(form.error.field ?? '') && <ErrorNote error={form.error.error} />}
      {form.done && (
        <p className="success" role="status">
          {form.done(app)}
        </p>
      )}
    </>
  );
}
