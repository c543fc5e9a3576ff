-- CreateEnum
CREATE TYPE "InteropMode" AS ENUM ('CONSUMER_SCANS', 'MERCHANT_SCANS', 'ONLINE_CHECKOUT');

-- CreateEnum
CREATE TYPE "ProgramSide" AS ENUM ('PAYER', 'ACCEPTOR');

-- AlterTable
ALTER TABLE "Program" ADD COLUMN     "mode" "InteropMode";

-- CreateTable
CREATE TABLE "Rail" (
    "code" TEXT NOT NULL,
    "nameZh" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "groupsInstitutions" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Rail_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ProgramRail" (
    "programId" TEXT NOT NULL,
    "side" "ProgramSide" NOT NULL,
    "railCode" TEXT NOT NULL,

    CONSTRAINT "ProgramRail_pkey" PRIMARY KEY ("programId","side","railCode")
);

-- CreateIndex
CREATE INDEX "ProgramRail_railCode_idx" ON "ProgramRail"("railCode");

-- AddForeignKey
ALTER TABLE "ProgramRail" ADD CONSTRAINT "ProgramRail_programId_fkey" FOREIGN KEY ("programId") REFERENCES "Program"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramRail" ADD CONSTRAINT "ProgramRail_railCode_fkey" FOREIGN KEY ("railCode") REFERENCES "Rail"("code") ON DELETE RESTRICT ON UPDATE CASCADE;


-- The rails (reference data): written here so that every install has them, new or old.
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('ALIPAY', '支付宝', 'Alipay', false, 1);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('WECHAT_PAY', '微信支付', 'WeChat Pay', false, 2);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('UNIONPAY_QUICKPASS', '云闪付', 'UnionPay QuickPass', false, 3);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('BANK_APPS', '银行 App', 'Bank apps', true, 4);
INSERT INTO "Rail" ("code", "nameZh", "nameEn", "groupsInstitutions", "sortOrder") VALUES ('DEVICE_WALLETS', '设备钱包', 'Device wallets', false, 5);

-- The demo programs' directions (docs/sources.md), for databases seeded before this migration;
-- a database without these programs is left as it is.
UPDATE "Program" SET "mode" = 'CONSUMER_SCANS'::"InteropMode" WHERE "slug" = 'alipay-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER'::"ProgramSide", 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'alipay-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR'::"ProgramSide", 'ALIPAY' FROM "Program" WHERE "slug" = 'alipay-unionpay-offline';
UPDATE "Program" SET "mode" = 'CONSUMER_SCANS'::"InteropMode" WHERE "slug" = 'alipay-bank-apps';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER'::"ProgramSide", 'BANK_APPS' FROM "Program" WHERE "slug" = 'alipay-bank-apps';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR'::"ProgramSide", 'ALIPAY' FROM "Program" WHERE "slug" = 'alipay-bank-apps';
UPDATE "Program" SET "mode" = 'CONSUMER_SCANS'::"InteropMode" WHERE "slug" = 'wechat-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER'::"ProgramSide", 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'wechat-unionpay-offline';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR'::"ProgramSide", 'WECHAT_PAY' FROM "Program" WHERE "slug" = 'wechat-unionpay-offline';
UPDATE "Program" SET "mode" = 'ONLINE_CHECKOUT'::"InteropMode" WHERE "slug" = 'alipay-online-quickpass';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER'::"ProgramSide", 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'alipay-online-quickpass';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR'::"ProgramSide", 'ALIPAY' FROM "Program" WHERE "slug" = 'alipay-online-quickpass';
UPDATE "Program" SET "mode" = 'MERCHANT_SCANS'::"InteropMode" WHERE "slug" = 'quickpass-payment-code-reverse';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'PAYER'::"ProgramSide", 'UNIONPAY_QUICKPASS' FROM "Program" WHERE "slug" = 'quickpass-payment-code-reverse';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR'::"ProgramSide", 'ALIPAY' FROM "Program" WHERE "slug" = 'quickpass-payment-code-reverse';
INSERT INTO "ProgramRail" ("programId", "side", "railCode") SELECT "id", 'ACCEPTOR'::"ProgramSide", 'WECHAT_PAY' FROM "Program" WHERE "slug" = 'quickpass-payment-code-reverse';
