// `cem analyze` (run by `npm run build`): custom-elements.json from the elements' JSDoc (@attr, @fires/@event,
// @csspart, @cssprop, @tagname), served at /sdk/v1/custom-elements.json for IDEs, docs and framework typings.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/messages.ts', 'src/elements/**/define.ts'],
  outdir: 'dist/sdk/v1',
  litelement: true,
  packagejson: false,
};
