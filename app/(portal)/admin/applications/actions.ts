'use server';

import { revalidatePath } from 'next/cache';
import {
  addApplicationNote,
  approvePartnerApplication,
  declinePartnerApplication,
  startReviewingApplication,
} from '@/db/queries/partner-applications';
import { withAction } from '@/lib/authz';
import { sendInvitationEmail } from '@/lib/email/send-invitation';
import { AppError, isAppError } from '@/lib/errors';
import {
  applicationNoteSchema,
  applicationReviewSchema,
  approveApplicationSchema,
  declineApplicationSchema,
} from '@/lib/validations/partner-application';

// Support admins only: withAction checks 'applications:review', and each operation in
// db/queries/partner-applications.ts checks it again.

const refresh = (applicationId: string) => {
  revalidatePath('/admin/applications');
  revalidatePath(`/admin/applications/${applicationId}`);
};

export const startReview = withAction({ schema: applicationReviewSchema, permission: 'applications:review' }, async ({ applicationId }, actor) => {
  await startReviewingApplication(actor, applicationId);
  refresh(applicationId);
  return null;
});

export const addNote = withAction({ schema: applicationNoteSchema, permission: 'applications:review' }, async ({ applicationId, note }, actor) => {
  await addApplicationNote(actor, applicationId, note);
  refresh(applicationId);
  return null;
});

/**
 * Approves: the organisation and the applicant's invitation are made in one transaction; the
 * invitation email (the normal one, in the applicant's language) goes after it commits.
 */
export const approveApplication = withAction({ schema: approveApplicationSchema, permission: 'applications:review' }, async (input, actor) => {
  const approved = await approvePartnerApplication(actor, input).catch((error: unknown) => {
    // The applicant's address already has an account or an open invitation: about the whole
    // application, not a field of this form, so the error summary says it without a link.
    if (isAppError(error) && error.fieldErrors?.email) {
      const problem = error.fieldErrors.email[0] === 'alreadyMember' ? 'application.applicantHasAccount' : 'application.applicantInvited';
      throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { form: [problem] });
    }
    throw error;
  });
  const { invitation } = approved;
  await sendInvitationEmail(invitation, actor);
  refresh(input.applicationId);
  revalidatePath('/admin');
  return { organisationId: approved.organisationId, email: invitation.email };
});

export const declineApplication = withAction({ schema: declineApplicationSchema, permission: 'applications:review' }, async (input, actor) => {
  await declinePartnerApplication(actor, input);
  refresh(input.applicationId);
  return null;
});
