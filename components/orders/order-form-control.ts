/**
 * The order form's react-hook-form control, with zod's resolver on the shared schema. The form
 * imports this module with a dynamic `import()` when a field first takes the focus (or when it is
 * sent): react-hook-form, zod and libphonenumber's metadata are then no part of the page's
 * first-load JavaScript, which `useForm` in the component would make them (12 kB for
 * react-hook-form alone, over the route's 150 kB budget).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { createFormControl, type FieldPath } from 'react-hook-form';
import { orderFormSchema, type OrderFormInput } from '@/lib/validations/order';

export type OrderFormControl = ReturnType<typeof createOrderFormControl>;

/**
 * A control over the form's own inputs, as they are now: `values` are what the person has typed
 * so far (read from the form), so registering the inputs changes nothing on screen. Errors show
 * on each send only (`reValidateMode: 'onSubmit'`), like every other form, and the error summary
 * takes the focus, not the first field.
 */
export function createOrderFormControl(form: HTMLFormElement, values: Partial<OrderFormInput>) {
  const control = createFormControl<OrderFormInput>({
    // raw: the server gets the form as typed and parses it itself.
    resolver: zodResolver(orderFormSchema, undefined, { raw: true }),
    defaultValues: values,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  for (const element of form.elements) {
    const input = element as HTMLInputElement;
    if (!input.name) continue;
    const { ref, onChange, onBlur } = control.register(input.name as FieldPath<OrderFormInput>);
    ref(input);
    input.addEventListener(input.type === 'radio' || input.tagName === 'SELECT' ? 'change' : 'input', (event) => void onChange(event));
    input.addEventListener('blur', (event) => void onBlur(event));
  }
  return control;
}
