'use server';

/** Server Actions of the milestone forms (see lib/programs/record-actions.ts). */
import { programRecordAction } from '../programs/record-actions';
import { createMilestone, deleteMilestone, markMilestoneDone, updateMilestone } from './mutations';

export const createMilestoneAction = programRecordAction('milestones', 'milestone.create', 'created', createMilestone);
export const updateMilestoneAction = programRecordAction('milestones', 'milestone.update', 'saved', updateMilestone);
export const markMilestoneDoneAction = programRecordAction('milestones', 'milestone.done', 'markedDone', markMilestoneDone);
export const deleteMilestoneAction = programRecordAction('milestones', 'milestone.delete', 'deleted', deleteMilestone);
