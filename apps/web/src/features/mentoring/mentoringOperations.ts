/** The GraphQL operations of the mentoring pages. */
import { graphql } from '../../gql';

export const MentorshipFields = graphql(`
  fragment MentorshipFields on Mentorship {
    id
    status
    version
    focusSkillKeys
    message
    endsOn
    requestedAt
    activeSince
    endedAt
    endReason
    declineReason
    declineMessage
    moveNote
    myPart
    availableMoves
    programmeId
    sharing {
      plan
      planComments
      assessments
      checkIns
      evidence
    }
    mentee {
      id
      name
      jobTitle
    }
    mentor {
      id
      name
      jobTitle
    }
    rhythm {
      fizzling
      message
      sessions
      lastSessionOn
    }
  }
`);

export const MyMentorshipsQuery = graphql(`
  query MyMentorships {
    myMentorships {
      ...MentorshipFields
    }
  }
`);

export const MentorshipQuery = graphql(`
  query Mentorship($id: ID!) {
    mentorship(id: $id) {
      ...MentorshipFields
      sessions {
        id
        heldOn
        minutes
        sharedNotes
        privateNotes
        loggedById
        nextSteps {
          title
          status
        }
        agenda {
          text
          focusSkillKey
        }
      }
      comments {
        id
        parentId
        depth
        authorId
        body
        createdAt
      }
      mentorAssessments {
        id
        skillKey
        skillName
        level
        note
        assessedAt
      }
    }
  }
`);

export const SharedAssessmentsQuery = graphql(`
  query MentorshipSharedAssessments($id: ID!) {
    mentorship(id: $id) {
      id
      sharedAssessments {
        personId
        current {
          skillKey
          skillName
          selfLevel
          managerLevel
          level
        }
        mentorRatings {
          skillKey
          level
          mentorName
        }
      }
    }
  }
`);

export const MyMentorProfileQuery = graphql(`
  query MyMentorProfile {
    myMentorProfile {
      id
      capacity
      offeredSkillKeys
      acceptsOtherTeams
      paused
      about
      version
      meeting {
        modes
        frequency
        note
      }
    }
    mentorSkillSuggestions {
      skillKey
      skillName
      level
      managerConfirmed
    }
  }
`);

export const SaveMentorProfileMutation = graphql(`
  mutation SaveMentorProfile($input: SaveMentorProfileInput!) {
    saveMentorProfile(input: $input) {
      id
      version
      capacity
      offeredSkillKeys
      acceptsOtherTeams
      paused
      about
      meeting {
        modes
        frequency
        note
      }
    }
  }
`);

export const FindMentorsQuery = graphql(`
  query FindMentors($input: FindMentorsInput) {
    findMentors(input: $input) {
      focusSource
      excludedCount
      uncoveredSkillKeys
      focusSkills {
        skillKey
        skillName
        currentLevel
        neededLevel
      }
      suggestions {
        mentorId
        mentorName
        teamName
        about
        score
        coverage
        crossTeamBonus
        team
        freePlaces
        explanation
        meeting {
          modes
          frequency
          note
        }
        skills {
          skillKey
          coverage
          explanation
        }
      }
    }
  }
`);

export const RequestMentorMutation = graphql(`
  mutation RequestMentor($input: RequestMentorInput!) {
    requestMentor(input: $input) {
      ...MentorshipFields
    }
  }
`);

export const MoveMentorshipMutation = graphql(`
  mutation MoveMentorship($input: MoveMentorshipInput!) {
    moveMentorship(input: $input) {
      ...MentorshipFields
    }
  }
`);

export const SetMentorshipSharingMutation = graphql(`
  mutation SetMentorshipSharing($input: SetMentorshipSharingInput!) {
    setMentorshipSharing(input: $input) {
      ...MentorshipFields
    }
  }
`);

export const LogMentoringSessionMutation = graphql(`
  mutation LogMentoringSession($input: LogMentoringSessionInput!) {
    logMentoringSession(input: $input) {
      id
    }
  }
`);

export const AnswerNextStepMutation = graphql(`
  mutation AnswerNextStep($input: AnswerNextStepInput!) {
    answerNextStep(input: $input) {
      id
    }
  }
`);

export const AddMentoringCommentMutation = graphql(`
  mutation AddMentoringComment($input: AddMentoringCommentInput!) {
    addMentoringComment(input: $input) {
      id
    }
  }
`);

export const AddMentorAssessmentMutation = graphql(`
  mutation AddMentorAssessment($input: AddMentorAssessmentInput!) {
    addMentorAssessment(input: $input) {
      id
    }
  }
`);

export const ProgrammesQuery = graphql(`
  query MentoringProgrammes {
    mentoringProgrammes {
      id
      name
      description
      startsOn
      endsOn
      phase
      leadId
      mentorsMayJoin
      menteesMayJoin
      participants {
        personId
        part
        focusSkillKeys
      }
    }
    people {
      id
      name
    }
  }
`);

export const CreateProgrammeMutation = graphql(`
  mutation CreateMentoringProgramme($input: CreateProgrammeInput!) {
    createMentoringProgramme(input: $input) {
      id
    }
  }
`);

export const JoinProgrammeMutation = graphql(`
  mutation JoinMentoringProgramme($input: ProgrammeParticipantInput!) {
    joinMentoringProgramme(input: $input) {
      id
    }
  }
`);

export const MatchingBoardQuery = graphql(`
  query MatchingBoard($programmeId: ID!) {
    matchingBoard(programmeId: $programmeId) {
      programmeId
      assignedCount
      totalScore
      pairs {
        menteeId
        mentorId
        score
        explanation
      }
      unassigned {
        menteeId
        reason
      }
    }
  }
`);

export const PublishPairsMutation = graphql(`
  mutation PublishProgrammePairs($input: PublishProgrammePairsInput!) {
    publishProgrammePairs(input: $input) {
      id
    }
  }
`);
