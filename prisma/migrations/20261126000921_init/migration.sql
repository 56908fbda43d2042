-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('ECONOMIC_CHANGE', 'PROTEST', 'RIOT', 'VIOLENCE', 'POLITICAL_REQUEST', 'AGREEMENT', 'DEPLOYMENT', 'ANNOUNCEMENT', 'MEETING', 'ARREST', 'OTHER');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('DAY', 'APPROXIMATE', 'RANGE', 'MONTH', 'YEAR');

-- CreateEnum
CREATE TYPE "CasualtyCategory" AS ENUM ('KILLED', 'INJURED', 'WOUNDED', 'DETAINED', 'HOSPITALIZED', 'MISSING');

-- CreateEnum
CREATE TYPE "AffectedGroup" AS ENUM ('ALL', 'SECURITY_FORCES', 'PROTESTERS', 'RIOTERS', 'CIVILIANS', 'OTHER');

-- CreateEnum
CREATE TYPE "Qualifier" AS ENUM ('EXACT', 'AROUND', 'AT_LEAST', 'OVER', 'MORE_THAN', 'UP_TO', 'EXCEEDED', 'DOZENS', 'SEVERAL_DOZEN', 'HUNDREDS', 'SEVERAL_HUNDRED', 'THOUSANDS');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('UNREVIEWED', 'CONFIRMED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ClaimantKind" AS ENUM ('INTERNATIONAL_ORGANIZATION', 'GOVERNMENT', 'PERSON', 'MEDIA', 'UNATTRIBUTED', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('MEMBER', 'SUSPENDED', 'OBSERVER');

-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('COUNTRY', 'REGION', 'CITY', 'SITE');

-- CreateTable
CREATE TABLE "Publisher" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "copyrightHolder" TEXT,
    "countryId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Publisher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" UUID NOT NULL,
    "publisherId" UUID NOT NULL,
    "crisisId" UUID,
    "url" TEXT,
    "contentHash" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "alternativeHeadline" TEXT,
    "section" TEXT,
    "byline" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "publishedText" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleImage" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "caption" TEXT,
    "credit" TEXT,
    "copyrightNotice" TEXT,

    CONSTRAINT "ArticleImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelatedLink" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,

    CONSTRAINT "RelatedLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Crisis" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "startDate" DATE,
    "endDate" DATE,
    "countryId" UUID,

    CONSTRAINT "Crisis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" UUID NOT NULL,
    "crisisId" UUID NOT NULL,
    "articleId" UUID,
    "type" "EventType" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "datePrecision" "DatePrecision" NOT NULL,
    "dateText" TEXT,
    "quote" TEXT,
    "quoteStart" INTEGER,
    "quoteEnd" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventPlace" (
    "eventId" UUID NOT NULL,
    "placeId" UUID NOT NULL,

    CONSTRAINT "EventPlace_pkey" PRIMARY KEY ("eventId","placeId")
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "personId" UUID,
    "organizationId" UUID,
    "countryId" UUID,

    CONSTRAINT "EventParticipant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Claimant" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ClaimantKind" NOT NULL,
    "countryId" UUID,
    "organizationId" UUID,

    CONSTRAINT "Claimant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CasualtyStatistic" (
    "id" UUID NOT NULL,
    "crisisId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "claimantId" UUID NOT NULL,
    "placeId" UUID,
    "category" "CasualtyCategory" NOT NULL,
    "affectedGroup" "AffectedGroup" NOT NULL,
    "affectedGroupText" TEXT NOT NULL,
    "qualifier" "Qualifier" NOT NULL,
    "figureText" TEXT NOT NULL,
    "low" INTEGER NOT NULL,
    "best" INTEGER NOT NULL,
    "high" INTEGER,
    "reportedAt" DATE NOT NULL,
    "quote" TEXT NOT NULL,
    "quoteStart" INTEGER NOT NULL,
    "quoteEnd" INTEGER NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'UNREVIEWED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CasualtyStatistic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Country" (
    "id" UUID NOT NULL,
    "isoCode" CHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "acronym" TEXT,
    "description" TEXT,
    "foundedOn" DATE,
    "parentId" UUID,
    "countryId" UUID,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "countryId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "MembershipStatus" NOT NULL,
    "from" DATE NOT NULL,
    "to" DATE,
    "note" TEXT,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chairmanship" (
    "id" UUID NOT NULL,
    "countryId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "personId" UUID,
    "from" DATE NOT NULL,
    "to" DATE,

    CONSTRAINT "Chairmanship_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonRole" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "countryId" UUID,
    "organizationId" UUID,
    "from" DATE,
    "to" DATE,

    CONSTRAINT "PersonRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Place" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PlaceKind" NOT NULL,
    "countryId" UUID,
    "parentId" UUID,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "population" INTEGER,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticlePerson" (
    "articleId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "ArticlePerson_pkey" PRIMARY KEY ("articleId","personId")
);

-- CreateTable
CREATE TABLE "ArticlePlace" (
    "articleId" UUID NOT NULL,
    "placeId" UUID NOT NULL,

    CONSTRAINT "ArticlePlace_pkey" PRIMARY KEY ("articleId","placeId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Publisher_name_key" ON "Publisher"("name");

-- CreateIndex
CREATE INDEX "Publisher_countryId_idx" ON "Publisher"("countryId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_publisherId_idx" ON "Article"("publisherId");

-- CreateIndex
CREATE INDEX "Article_crisisId_idx" ON "Article"("crisisId");

-- CreateIndex
CREATE INDEX "Article_publishedAt_id_idx" ON "Article"("publishedAt", "id");

-- CreateIndex
CREATE INDEX "Article_url_idx" ON "Article"("url");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleImage_articleId_position_key" ON "ArticleImage"("articleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "RelatedLink_articleId_position_key" ON "RelatedLink"("articleId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Crisis_slug_key" ON "Crisis"("slug");

-- CreateIndex
CREATE INDEX "Crisis_countryId_idx" ON "Crisis"("countryId");

-- CreateIndex
CREATE INDEX "Event_crisisId_startDate_idx" ON "Event"("crisisId", "startDate");

-- CreateIndex
CREATE INDEX "Event_articleId_idx" ON "Event"("articleId");

-- CreateIndex
CREATE INDEX "Event_type_startDate_idx" ON "Event"("type", "startDate");

-- CreateIndex
CREATE INDEX "Event_startDate_id_idx" ON "Event"("startDate", "id");

-- CreateIndex
CREATE INDEX "EventPlace_placeId_idx" ON "EventPlace"("placeId");

-- CreateIndex
CREATE INDEX "EventParticipant_eventId_idx" ON "EventParticipant"("eventId");

-- CreateIndex
CREATE INDEX "EventParticipant_personId_idx" ON "EventParticipant"("personId");

-- CreateIndex
CREATE INDEX "EventParticipant_organizationId_idx" ON "EventParticipant"("organizationId");

-- CreateIndex
CREATE INDEX "EventParticipant_countryId_idx" ON "EventParticipant"("countryId");

-- CreateIndex
CREATE UNIQUE INDEX "Claimant_name_key" ON "Claimant"("name");

-- CreateIndex
CREATE INDEX "Claimant_countryId_idx" ON "Claimant"("countryId");

-- CreateIndex
CREATE INDEX "Claimant_organizationId_idx" ON "Claimant"("organizationId");

-- CreateIndex
CREATE INDEX "CasualtyStatistic_crisisId_category_reportedAt_idx" ON "CasualtyStatistic"("crisisId", "category", "reportedAt");

-- CreateIndex
CREATE INDEX "CasualtyStatistic_articleId_idx" ON "CasualtyStatistic"("articleId");

-- CreateIndex
CREATE INDEX "CasualtyStatistic_claimantId_idx" ON "CasualtyStatistic"("claimantId");

-- CreateIndex
CREATE INDEX "CasualtyStatistic_placeId_idx" ON "CasualtyStatistic"("placeId");

-- CreateIndex
CREATE INDEX "CasualtyStatistic_category_reportedAt_idx" ON "CasualtyStatistic"("category", "reportedAt");

-- CreateIndex
CREATE INDEX "CasualtyStatistic_reportedAt_id_idx" ON "CasualtyStatistic"("reportedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Country_isoCode_key" ON "Country"("isoCode");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_name_key" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- CreateIndex
CREATE INDEX "Organization_countryId_idx" ON "Organization"("countryId");

-- CreateIndex
CREATE INDEX "Organization_acronym_idx" ON "Organization"("acronym");

-- CreateIndex
CREATE INDEX "Membership_countryId_idx" ON "Membership"("countryId");

-- CreateIndex
CREATE INDEX "Membership_organizationId_from_idx" ON "Membership"("organizationId", "from");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_organizationId_countryId_from_key" ON "Membership"("organizationId", "countryId", "from");

-- CreateIndex
CREATE INDEX "Chairmanship_countryId_idx" ON "Chairmanship"("countryId");

-- CreateIndex
CREATE INDEX "Chairmanship_personId_idx" ON "Chairmanship"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Chairmanship_organizationId_from_key" ON "Chairmanship"("organizationId", "from");

-- CreateIndex
CREATE UNIQUE INDEX "Person_name_key" ON "Person"("name");

-- CreateIndex
CREATE INDEX "PersonRole_countryId_idx" ON "PersonRole"("countryId");

-- CreateIndex
CREATE INDEX "PersonRole_organizationId_idx" ON "PersonRole"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonRole_personId_title_key" ON "PersonRole"("personId", "title");

-- CreateIndex
CREATE INDEX "Place_parentId_idx" ON "Place"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Place_countryId_kind_name_key" ON "Place"("countryId", "kind", "name");

-- CreateIndex
CREATE INDEX "ArticlePerson_personId_idx" ON "ArticlePerson"("personId");

-- CreateIndex
CREATE INDEX "ArticlePlace_placeId_idx" ON "ArticlePlace"("placeId");

-- AddForeignKey
ALTER TABLE "Publisher" ADD CONSTRAINT "Publisher_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_publisherId_fkey" FOREIGN KEY ("publisherId") REFERENCES "Publisher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_crisisId_fkey" FOREIGN KEY ("crisisId") REFERENCES "Crisis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleImage" ADD CONSTRAINT "ArticleImage_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedLink" ADD CONSTRAINT "RelatedLink_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Crisis" ADD CONSTRAINT "Crisis_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_crisisId_fkey" FOREIGN KEY ("crisisId") REFERENCES "Crisis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPlace" ADD CONSTRAINT "EventPlace_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventPlace" ADD CONSTRAINT "EventPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventParticipant" ADD CONSTRAINT "EventParticipant_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claimant" ADD CONSTRAINT "Claimant_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claimant" ADD CONSTRAINT "Claimant_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_crisisId_fkey" FOREIGN KEY ("crisisId") REFERENCES "Crisis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_claimantId_fkey" FOREIGN KEY ("claimantId") REFERENCES "Claimant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CasualtyStatistic" ADD CONSTRAINT "CasualtyStatistic_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chairmanship" ADD CONSTRAINT "Chairmanship_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chairmanship" ADD CONSTRAINT "Chairmanship_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Chairmanship" ADD CONSTRAINT "Chairmanship_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonRole" ADD CONSTRAINT "PersonRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonRole" ADD CONSTRAINT "PersonRole_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonRole" ADD CONSTRAINT "PersonRole_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_countryId_fkey" FOREIGN KEY ("countryId") REFERENCES "Country"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Place"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePerson" ADD CONSTRAINT "ArticlePerson_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePerson" ADD CONSTRAINT "ArticlePerson_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePlace" ADD CONSTRAINT "ArticlePlace_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticlePlace" ADD CONSTRAINT "ArticlePlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
