// opencc-js ships its dictionaries as ES modules without type declarations: each one
// default-exports the dictionary as "source target[ alternative…]|…".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
