import { withClientMessages } from '@/components/i18n/with-client-messages';
import { statusEditMetadata, statusRowEditPage } from '@/components/status/status-row-edit-page';

export const generateMetadata = statusEditMetadata('metaTitle');

export default withClientMessages(['conflict', 'errors', 'status', 'statusForm', 'validation', 'verify'], statusRowEditPage('city'));
