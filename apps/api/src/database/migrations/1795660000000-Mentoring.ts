import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

const MENTORING_TABLES = [
  'mentor_profiles',
  'mentoring_programmes',
  'mentoring_programme_participants',
  'mentorships',
  'mentoring_sessions',
  'mentoring_comments',
  'mentor_assessments',
];

/** Mentoring (issue 10): mentor profiles, programmes, mentorships, sessions, comments, mentor assessments. */

export class Mentoring1795660000000 implements MigrationInterface {
  name = 'Mentoring1795660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"mentor_profiles\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"capacity\" integer NOT NULL, \"offered_skill_keys\" text array NOT NULL, \"meeting\" jsonb NOT NULL, \"accepts_other_teams\" boolean NOT NULL, \"paused\" boolean NOT NULL, \"about\" text NOT NULL, \"version\" integer NOT NULL DEFAULT '1', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_mentor_profiles_capacity\" CHECK (capacity BETWEEN 1 AND 20), CONSTRAINT \"PK_bd7519bb84bc6daf035cd638a3e\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_mentor_profiles_person\" ON \"mentor_profiles\"  (\"organisation_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"mentoring_programmes\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"name\" text NOT NULL, \"description\" text NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date NOT NULL, \"mentors_may_join\" text NOT NULL, \"mentees_may_join\" text NOT NULL, \"lead_id\" uuid, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_mentoring_programmes_join\" CHECK (mentors_may_join IN ('anyone', 'invited') AND mentees_may_join IN ('anyone', 'invited')), CONSTRAINT \"PK_6bdca8774e8fbcf2c2a22f7e262\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE TABLE \"mentoring_programme_participants\" (\"organisation_id\" uuid NOT NULL, \"programme_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"part\" text NOT NULL, \"focus_skill_keys\" text array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_mentoring_programme_participants_part\" CHECK (part IN ('mentor', 'mentee')), CONSTRAINT \"PK_24862226c6c66d42abd5fb3e623\" PRIMARY KEY (\"organisation_id\", \"programme_id\", \"person_id\", \"part\"))");
    await queryRunner.query("CREATE INDEX \"ix_mentoring_programme_participants_person\" ON \"mentoring_programme_participants\"  (\"organisation_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"mentorships\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"mentee_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, \"programme_id\" uuid, \"status\" text NOT NULL, \"focus_skill_keys\" text array NOT NULL, \"message\" text NOT NULL, \"ends_on\" date, \"paired_by_id\" uuid, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"active_since\" TIMESTAMP WITH TIME ZONE, \"ended_at\" TIMESTAMP WITH TIME ZONE, \"end_reason\" text, \"decline_reason\" text, \"move_note\" text, \"share_plan\" boolean NOT NULL DEFAULT false, \"share_plan_comments\" boolean NOT NULL DEFAULT false, \"share_assessments\" boolean NOT NULL DEFAULT false, \"share_check_ins\" boolean NOT NULL DEFAULT false, \"share_evidence\" boolean NOT NULL DEFAULT false, \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"ck_mentorships_not_self\" CHECK (mentee_id <> mentor_id), CONSTRAINT \"ck_mentorships_status\" CHECK (status IN ('requested', 'active', 'paused', 'ended')), CONSTRAINT \"PK_922a0de6519ea70ceba9ef545c2\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_mentorships_programme\" ON \"mentorships\"  (\"organisation_id\", \"programme_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_mentorships_mentor\" ON \"mentorships\"  (\"organisation_id\", \"mentor_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_mentorships_mentee\" ON \"mentorships\"  (\"organisation_id\", \"mentee_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_mentorships_open_pair\" ON \"mentorships\"  (\"organisation_id\", \"mentee_id\", \"mentor_id\") WHERE status <> 'ended'");
    await queryRunner.query("CREATE TABLE \"mentoring_sessions\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"mentorship_id\" uuid NOT NULL, \"held_on\" date NOT NULL, \"minutes\" integer NOT NULL, \"agenda\" jsonb NOT NULL, \"shared_notes\" text NOT NULL, \"private_notes\" text NOT NULL, \"next_steps\" jsonb NOT NULL, \"logged_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_0a97c040be27f69f68fe99475d7\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_mentoring_sessions_mentorship\" ON \"mentoring_sessions\"  (\"organisation_id\", \"mentorship_id\", \"held_on\") ");
    await queryRunner.query("CREATE TABLE \"mentoring_comments\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"mentorship_id\" uuid NOT NULL, \"parent_id\" uuid, \"depth\" integer NOT NULL, \"plan_action_id\" uuid, \"author_id\" uuid NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f131506d56096653ed55ea17db8\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_mentoring_comments_mentorship\" ON \"mentoring_comments\"  (\"organisation_id\", \"mentorship_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"mentor_assessments\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"mentorship_id\" uuid NOT NULL, \"skill_key\" text NOT NULL, \"level\" integer NOT NULL, \"note\" text NOT NULL, \"assessed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_a5312617c0caafbb34af46c17cf\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_mentor_assessments_mentorship\" ON \"mentor_assessments\"  (\"organisation_id\", \"mentorship_id\", \"assessed_at\") ");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" ADD CONSTRAINT \"FK_e2fa31f23318478fce7a435dee3\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" ADD CONSTRAINT \"FK_e90192c81fe0a6fd5aa59556b17\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_programmes\" ADD CONSTRAINT \"FK_561253f6073e293ea3a485c826f\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_programmes\" ADD CONSTRAINT \"FK_0b39374f032e79243d83cdf91ea\" FOREIGN KEY (\"organisation_id\", \"lead_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_programmes\" ADD CONSTRAINT \"FK_9891477abcd1cb0cc54f1907640\" FOREIGN KEY (\"organisation_id\", \"created_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_programme_participants\" ADD CONSTRAINT \"FK_7654c289b0b3e493ed095c79a1a\" FOREIGN KEY (\"organisation_id\", \"programme_id\") REFERENCES \"mentoring_programmes\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_programme_participants\" ADD CONSTRAINT \"FK_0398a023e726e5bb9183ee511c5\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentorships\" ADD CONSTRAINT \"FK_2cf86c517d755c28f1600640dd5\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentorships\" ADD CONSTRAINT \"FK_3a0bdb8e9f018b0d64438357472\" FOREIGN KEY (\"organisation_id\", \"mentee_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentorships\" ADD CONSTRAINT \"FK_ec80285eebbacb231b62ad8e398\" FOREIGN KEY (\"organisation_id\", \"mentor_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentorships\" ADD CONSTRAINT \"FK_19402ba57008b08da9dafbbb026\" FOREIGN KEY (\"organisation_id\", \"programme_id\") REFERENCES \"mentoring_programmes\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentorships\" ADD CONSTRAINT \"FK_53ba33e010bf8e840a853bb1114\" FOREIGN KEY (\"organisation_id\", \"paired_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_sessions\" ADD CONSTRAINT \"FK_7e969e1678f393e32b8ba8df80d\" FOREIGN KEY (\"organisation_id\", \"mentorship_id\") REFERENCES \"mentorships\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_sessions\" ADD CONSTRAINT \"FK_1e714a7da2a7b77e795b9eecdca\" FOREIGN KEY (\"organisation_id\", \"logged_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_comments\" ADD CONSTRAINT \"FK_63ec36c8bd3621fb48383ea78d3\" FOREIGN KEY (\"organisation_id\", \"mentorship_id\") REFERENCES \"mentorships\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_comments\" ADD CONSTRAINT \"FK_903553ffe05a5537f599a1dab0d\" FOREIGN KEY (\"organisation_id\", \"parent_id\") REFERENCES \"mentoring_comments\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentoring_comments\" ADD CONSTRAINT \"FK_fb3e0f98d8df40d578f6423ee52\" FOREIGN KEY (\"organisation_id\", \"author_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentor_assessments\" ADD CONSTRAINT \"FK_7dfe8ea3a0ade521f14e51e1548\" FOREIGN KEY (\"organisation_id\", \"mentorship_id\") REFERENCES \"mentorships\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of MENTORING_TABLES) await enableTenantRowSecurity(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of MENTORING_TABLES) await disableTenantRowSecurity(queryRunner, table);
    await queryRunner.query("ALTER TABLE \"mentor_assessments\" DROP CONSTRAINT \"FK_7dfe8ea3a0ade521f14e51e1548\"");
    await queryRunner.query("ALTER TABLE \"mentoring_comments\" DROP CONSTRAINT \"FK_fb3e0f98d8df40d578f6423ee52\"");
    await queryRunner.query("ALTER TABLE \"mentoring_comments\" DROP CONSTRAINT \"FK_903553ffe05a5537f599a1dab0d\"");
    await queryRunner.query("ALTER TABLE \"mentoring_comments\" DROP CONSTRAINT \"FK_63ec36c8bd3621fb48383ea78d3\"");
    await queryRunner.query("ALTER TABLE \"mentoring_sessions\" DROP CONSTRAINT \"FK_1e714a7da2a7b77e795b9eecdca\"");
    await queryRunner.query("ALTER TABLE \"mentoring_sessions\" DROP CONSTRAINT \"FK_7e969e1678f393e32b8ba8df80d\"");
    await queryRunner.query("ALTER TABLE \"mentorships\" DROP CONSTRAINT \"FK_53ba33e010bf8e840a853bb1114\"");
    await queryRunner.query("ALTER TABLE \"mentorships\" DROP CONSTRAINT \"FK_19402ba57008b08da9dafbbb026\"");
    await queryRunner.query("ALTER TABLE \"mentorships\" DROP CONSTRAINT \"FK_ec80285eebbacb231b62ad8e398\"");
    await queryRunner.query("ALTER TABLE \"mentorships\" DROP CONSTRAINT \"FK_3a0bdb8e9f018b0d64438357472\"");
    await queryRunner.query("ALTER TABLE \"mentorships\" DROP CONSTRAINT \"FK_2cf86c517d755c28f1600640dd5\"");
    await queryRunner.query("ALTER TABLE \"mentoring_programme_participants\" DROP CONSTRAINT \"FK_0398a023e726e5bb9183ee511c5\"");
    await queryRunner.query("ALTER TABLE \"mentoring_programme_participants\" DROP CONSTRAINT \"FK_7654c289b0b3e493ed095c79a1a\"");
    await queryRunner.query("ALTER TABLE \"mentoring_programmes\" DROP CONSTRAINT \"FK_9891477abcd1cb0cc54f1907640\"");
    await queryRunner.query("ALTER TABLE \"mentoring_programmes\" DROP CONSTRAINT \"FK_0b39374f032e79243d83cdf91ea\"");
    await queryRunner.query("ALTER TABLE \"mentoring_programmes\" DROP CONSTRAINT \"FK_561253f6073e293ea3a485c826f\"");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" DROP CONSTRAINT \"FK_e90192c81fe0a6fd5aa59556b17\"");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" DROP CONSTRAINT \"FK_e2fa31f23318478fce7a435dee3\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentor_assessments_mentorship\"");
    await queryRunner.query("DROP TABLE \"mentor_assessments\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentoring_comments_mentorship\"");
    await queryRunner.query("DROP TABLE \"mentoring_comments\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentoring_sessions_mentorship\"");
    await queryRunner.query("DROP TABLE \"mentoring_sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_mentorships_open_pair\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentorships_mentee\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentorships_mentor\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentorships_programme\"");
    await queryRunner.query("DROP TABLE \"mentorships\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_mentoring_programme_participants_person\"");
    await queryRunner.query("DROP TABLE \"mentoring_programme_participants\"");
    await queryRunner.query("DROP TABLE \"mentoring_programmes\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_mentor_profiles_person\"");
    await queryRunner.query("DROP TABLE \"mentor_profiles\"");
  }
}
