export { FirstRun } from './first-run';
export { useSignIn } from './sign-in';
export { GoogleSignInDialog } from './google-sign-in';
export { AccountMenu } from './account-menu';
