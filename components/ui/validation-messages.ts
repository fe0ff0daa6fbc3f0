// Validation messages in words on the extension's pages: the model's schemas use zod/mini, which
// carries no messages of its own ("Invalid input"), so that the background stays small.
import { config } from 'zod/mini';
import { en } from 'zod/v4/locales';

config(en());
