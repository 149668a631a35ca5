import { z } from 'zod';

// Validation at every boundary speaks Chinese: zod's own messages in Simplified Chinese,
// configured once here. Schemas import `z` from this module so the locale is always set.
z.config(z.locales.zhCN());

export { z };
