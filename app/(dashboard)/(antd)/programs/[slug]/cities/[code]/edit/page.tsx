import { statusEditMetadata, statusRowEditPage } from '@/components/status/status-row-edit-page';

export const generateMetadata = statusEditMetadata('metaTitle');

export default statusRowEditPage('city');
