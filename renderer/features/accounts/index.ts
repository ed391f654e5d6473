export { FirstRun, useSignIn } from './first-run';
export { AccountMenu } from './account-menu';
