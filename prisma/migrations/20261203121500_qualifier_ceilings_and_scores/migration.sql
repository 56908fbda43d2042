-- AlterEnum: hedges that state a ceiling ("fewer than", "nearly", "almost") were
-- read as UP_TO or AROUND, and "scores" as DOZENS (12, below what the word says).
ALTER TYPE "Qualifier" ADD VALUE 'FEWER_THAN';
ALTER TYPE "Qualifier" ADD VALUE 'NEARLY';
ALTER TYPE "Qualifier" ADD VALUE 'ALMOST';
ALTER TYPE "Qualifier" ADD VALUE 'SCORES';
