/**
 * The subject of a message about one consultation: its id. Consultation-scoped
 * messages share this one function, which is how the catalog tells them apart
 * (`isConsultationScoped`): their envelopes must carry a marking.
 */
export const byConsultation = (p: { consultationId: string }): string => p.consultationId;
