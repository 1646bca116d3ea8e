export { ApiError, apiRequest, isAbortError, UNAUTHENTICATED_EVENT, type ApiRequestOptions } from './lib/http';
export { useApiResource, type Resource } from './lib/use-api-resource';
export { ErrorMessage, errorMessage } from './lib/error-message';
export { Loading } from './lib/loading';
export { Badge, type BadgeTone } from './lib/badge';
export { LanguageSwitch } from './lib/language-switch';
export { Field, FormError, fieldError, parseTags, useAction } from './lib/form';
export { countryName, formatDateTime, formatDay, percent } from './lib/format';
export { PublicShell } from './lib/public-shell';
