import { writeFile } from 'node:fs/promises';
import { errorsMarkdown } from '../http/error-docs.js';

/** `npm run docs:errors`: rewrites docs/errors.md from the catalogue of error reasons. */
await writeFile(new URL('../../docs/errors.md', import.meta.url), errorsMarkdown());
