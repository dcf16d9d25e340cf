// Next.js generates next-env.d.ts (gitignored) on `next dev`/`next build`/`next typegen`.
// These references give a plain `tsc --noEmit` the same ambient types
// (CSS and CSS-module imports, image imports) without that generated file.
/// <reference types="next" />
/// <reference types="next/image-types/global" />
