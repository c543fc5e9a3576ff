-- AlterTable
ALTER TABLE "Program" ADD COLUMN "mode" TEXT;

-- CreateTable
CREATE TABLE "Rail" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "groupsInstitutions" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ProgramRail" (
    "programId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "railCode" TEXT NOT NULL,

    PRIMARY KEY ("programId", "side", "railCode"),
    CONSTRAINT "ProgramRail_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgramRail_railCode_fkey" FOREIGN KEY ("railCode") REFERENCES "Rail" ("code") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProgramRail_railCode_idx" ON "ProgramRail"("railCode");


-- The rails (reference data): written here so that every install has them, new or old.
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('ALIPAY', '支付宝', 'Alipay', false, 1);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('WECHAT_PAY', '微信支付', 'WeChat Pay', false, 2);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('UNIONPAY_QUICKPASS', '云闪付', 'UnionPay QuickPass', false, 3);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('BANK_APPS', '银行 App', 'Bank apps', true, 4);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('DEVICE_WALLETS', '设备钱包', 'Device wallets', false, 5);

-- The demo programs' directions (docs/sources.md), for databases seeded before this migration;
-- a database without these programs is left as it is.
UPDATE "Program" SET "mode" = 'CONSUMER_SCANS' WHERE "slug" = 'alipay-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER', 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'alipay-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR', 'ALIPAY' FROM "Program" WHERE "slug" = 'alipay-unionpay-offline';
UPDATE "Program" SET "mode" = 'CONSUMER_SCANS' WHERE "slug" = 'alipay-bank-apps';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER', 'BANK_APPS' FROM "Program" WHERE "slug" = 'alipay-bank-apps';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR', 'ALIPAY' FROM "Program" WHERE "slug" = 'alipay-bank-apps';
UPDATE "Program" SET "mode" = 'CONSUMER_SCANS' WHERE "slug" = 'wechat-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER', 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'wechat-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR', 'WECHAT_PAY' FROM "Program" WHERE "slug" = 'wechat-unionpay-offline';
UPDATE "Program" SET "mode" = 'ONLINE_CHECKOUT' WHERE "slug" = 'alipay-online-quickpass';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER', 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'alipay-online-quickpass';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR', 'ALIPAY' FROM "Program" WHERE "slug" = 'alipay-online-quickpass';
UPDATE "Program" SET "mode" = 'MERCHANT_SCANS' WHERE "slug" = 'quickpass-payment-code-reverse';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER', 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'quickpass-payment-code-reverse';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR', 'ALIPAY' FROM "Program" WHERE "slug" = 'quickpass-payment-code-reverse';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR', 'WECHAT_PAY' FROM "Program" WHERE "slug" = 'quickpass-payment-code-reverse';
