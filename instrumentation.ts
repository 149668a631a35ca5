// Server start hook (Next.js): background jobs of the portal run in the server process.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { startLifecycleScheduler } = await import('./server/lifecycle/scheduler');
    startLifecycleScheduler();
    // With MEILI_URL set, copy search changes to Meilisearch in the background (a no-op otherwise).
    const { startSearchOutboxDrain } = await import('./server/search/meilisearch/drain-loop');
    startSearchOutboxDrain();
    // Joint-action webhooks: send what the outbox holds (several instances may run it).
    (await import('./server/webhooks/loop')).startWebhookDelivery();
    // With SMTP_URL set, mail the notification outbox to applicants (a no-op otherwise).
    const { startNotificationSender } = await import('./server/notifications/loop');
    startNotificationSender();
  }
}
