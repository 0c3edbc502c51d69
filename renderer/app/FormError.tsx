/**
 * A form's error in one place: announced (role="alert") and shown in the error style where the
 * person looks; nothing when there is none. The form keeps what was typed: only the message is
 * shown here.
 */
export function FormError({ message, testId }: { message: string | null | undefined; testId?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
