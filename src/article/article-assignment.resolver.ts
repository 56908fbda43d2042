// Filing an article under a crisis after the fact: ingestion stores a page
// that fits no crisis (or several) unassigned, and an editor assigns it here.
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from "type-graphql";
import { requireScope, Scope } from "../auth/api-keys";
import { AUTHENTICATED, WRITE_SCOPE } from "../graphql/federation";
import { parseId } from "../graphql/ids";
import type { Context } from "../context";
import { checkSlug } from "../crisis/crisis.service";
import { assignArticleToCrisis } from "./article-assignment.service";
import { Article } from "./article.type";

@Resolver(() => Article)
export class ArticleAssignmentResolver {
  @Directive(AUTHENTICATED)
  @Directive(WRITE_SCOPE)
  @Mutation(() => Article, {
    description:
      "Files an article under a crisis (an unassigned one, or moves it from another), with its claims and events and every earlier and later version of its page, in one transaction. Unknown article or crisis: NOT_FOUND. Needs the `write` scope.",
  })
  async assignArticleToCrisis(@Arg("articleId", () => ID) articleId: string, @Arg("crisisSlug") crisisSlug: string, @Ctx() { prisma, loaders, caller }: Context) {
    requireScope(caller, Scope.WRITE);
    const id = await assignArticleToCrisis(prisma, parseId(articleId, "articleId"), checkSlug(crisisSlug, "crisisSlug"));
    return loaders.article.byId.load(id);
  }
}
