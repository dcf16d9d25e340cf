import { defineNotificationKinds } from '../notifications/notification-kinds';

/** Sent to a record's followers: a new version, a lifecycle move, the daily review check's alerts. */
export const DATA_USE_NOTIFICATIONS = defineNotificationKinds({
  'data-use.updated': {
    fr: 'La fiche {reference} « {title} » a une nouvelle version ({version}) : {changeNote}',
    en: 'The record {reference} “{title}” has a new version ({version}): {changeNote}',
  },
  'data-use.suspended': {
    fr: 'L’usage {reference} « {title} » est suspendu : {reason}',
    en: 'The data use {reference} “{title}” is suspended: {reason}',
  },
  'data-use.retired': {
    fr: 'L’usage {reference} « {title} » est arrêté : {reason}',
    en: 'The data use {reference} “{title}” has ended: {reason}',
  },
  'data-use.review-overdue': {
    fr: 'La révision de l’usage {reference} « {title} » est en retard (prévue le {dueDate}).',
    en: 'The review of {reference} “{title}” is overdue (due {dueDate}).',
  },
  'data-use.sunset-passed': {
    fr: 'L’usage {reference} « {title} » a dépassé sa date de fin ({dueDate}) sans être renouvelé.',
    en: '{reference} “{title}” passed its end date ({dueDate}) without renewal.',
  },
});
