// Words that say nothing about a problem, in the Latin-script UI languages (en, fr, id):
// description-to-document matching (help articles, similar cases) skips them.

const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'the and for with from since this that are was were has have not but all our you any can cannot its into than then there ' +
    'les des une pour dans avec sur est pas qui que par aux ces son ses nos vos leur mais ' +
    'yang dan untuk dari ini itu tidak dengan pada atau oleh'
  ).split(' '),
);

/** True for stop words and for Latin words shorter than three letters (already folded to lower case). */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token) || (token.length < 3 && /^[\p{Script=Latin}\p{N}]+$/u.test(token));
}
