/** Modules imported with `?inline-script` (src/integrations/inline-script.ts): their bundled code. */
declare module '*?inline-script' {
  const code: string;
  export default code;
}
