import { graphql } from '../../gql';

export const PeopleQuery = graphql(`
  query People($search: String, $teamId: ID, $includeLeft: Boolean!) {
    people(search: $search, teamId: $teamId, includeLeft: $includeLeft) {
      id
      name
      email
      jobTitle
      active
      accessRole
      team {
        id
        path
      }
      manager {
        id
        name
      }
      currentRole {
        id
        title
      }
      signIn {
        status
        nextStep
      }
    }
  }
`);

/** Every team, for filters and pickers (shown by path, such as Delivery/PMO). */
export const TeamOptionsQuery = graphql(`
  query TeamOptions {
    teams {
      id
      name
      path
    }
  }
`);

export const PersonPageQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      id
      name
      email
      jobTitle
      active
      startDate
      accessRole
      team {
        id
        path
      }
      manager {
        id
        name
        jobTitle
      }
      reports {
        id
        name
        jobTitle
        active
      }
      currentRole {
        id
        title
        level
        track {
          id
          name
        }
      }
    }
  }
`);
