// opencc-js ships its dictionaries as ES modules without type declarations: each one
// default-exports the dictionary as "source target[ alternative…]|…".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  // eslint-disable-next-line no-restricted-syntax -- describes a third-party default export
  export default dictionary;
}
