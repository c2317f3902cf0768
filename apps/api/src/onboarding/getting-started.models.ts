import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One step of the getting-started checklist, ticked from real data.' })
export class GettingStartedItem {
  @Field({ description: 'review-framework, publish-framework, add-people, invite-people, start-plan, agree-plan' }) key: string;
  @Field() title: string;
  @Field() description: string;
  @Field() done: boolean;
  @Field({ description: 'Where in the app the step is done.' }) href: string;
}

@ObjectType({ description: "An admin's getting-started checklist." })
export class GettingStarted {
  @Field(() => [GettingStartedItem]) items: GettingStartedItem[];
  @Field({ description: 'Every step is done.' }) complete: boolean;
  @Field({ description: 'This admin put the checklist away.' }) dismissed: boolean;
}
