import type { Parent } from "../graphql/parent";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { parseId } from "../graphql/ids";
import { Country } from "../country/country.type";
import { Place } from "./place.type";

@Resolver(() => Place)
export class PlaceResolver {
  @Query(() => Place, { nullable: true, description: "A place by id; null when there is none." })
  place(@Arg("id", () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.place.byId.load(parseId(id));
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() place: Parent<Place>, @Ctx() { loaders }: Context) {
    return place.countryId ? loaders.country.byId.load(place.countryId) : null;
  }

  @FieldResolver(() => Place, { nullable: true, description: "The place this one lies in." })
  parent(@Root() place: Parent<Place>, @Ctx() { loaders }: Context) {
    return place.parentId ? loaders.place.byId.load(place.parentId) : null;
  }

  @FieldResolver(() => [Place], { description: "Places that lie in this one." })
  children(@Root() place: Parent<Place>, @Ctx() { loaders }: Context) {
    return loaders.place.placeChildren.load(place.id);
  }
}
