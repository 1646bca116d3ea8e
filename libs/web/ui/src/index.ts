import './lib/tokens.css';
export { ApiError, isAbortError, UNAUTHENTICATED_EVENT } from './lib/http';
export {
  api,
  unwrap,
  unwrapPage,
  unwrapWithCursor,
  type ApiPaths,
  type ApiSchemas,
  type Page,
  type UnwrapOptions,
} from './lib/api/api-client';
export {
  createQueryClient,
  useApiMutation,
  useApiPagedQuery,
  useApiQuery,
  type PagedResource,
  type Resource,
} from './lib/api/queries';
export { uploadFile } from './lib/api/upload';
export { LoadMore } from './lib/load-more';
export { ErrorMessage, errorMessage } from './lib/error-message';
export { Loading } from './lib/loading';
export { Badge, type BadgeTone } from './lib/badge';
export { LanguageSwitch } from './lib/language-switch';
export { useDisclosure } from './lib/disclosure';
export { Field, FormError, SubmitButton, fieldError, fieldErrorText, parseTags, useAction } from './lib/form';
export { DataTable } from './lib/data-table';
export { countryName, formatDateTime, formatDay, percent } from './lib/format';
export { PublicShell } from './lib/public-shell';
