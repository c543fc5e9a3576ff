/**
 * The pages the phone targets are set for (docs/benchmarks.md): the sign-in page signed out, the
 * dashboard at a fixed view and a weekly summary of the demo data, signed in.
 */
export interface BenchPage {
  name: string;
  path: string;
  isSignedIn: boolean;
}

export const SIGN_IN_PAGE: BenchPage = { name: 'sign-in', path: '/sign-in', isSignedIn: false };
export const DASHBOARD_PAGE: BenchPage = { name: 'dashboard', path: '/?program=alipay-unionpay-offline&asOf=2021-10-02', isSignedIn: true };
export const SUMMARY_WEEK_PAGE: BenchPage = { name: 'summary week', path: '/summary/2021-W48', isSignedIn: true };

/** The coverage API at the dashboard's view, as its timeline requests it. */
export const COVERAGE_API_PATH = '/api/coverage?program=alipay-unionpay-offline&asOf=2021-10-02';

/** The bench's minimal dynamic page (app/bench/page, on with HUTONG_BENCH_ROUTES): the root layout and one line. */
export const REFERENCE_PAGE_PATH = '/bench/page';
