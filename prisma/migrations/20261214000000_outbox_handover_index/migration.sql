-- CreateIndex
CREATE INDEX "Notification_status_deliveryKey_idx" ON "Notification"("status", "deliveryKey");

