// Completeness of the enterprise response schemas: a zod object strips keys it does not
// name, so a service field missing from its schema would vanish from the reply silently.
// These type-level checks fail the typecheck instead. Kept apart from schemas.ts so that
// the routes can import the schemas without a cycle through the services.
import type { z } from 'zod';
import type { createEnterpriseAccount, listEnterpriseAccounts } from './accounts';
import type { myEnterprise } from './appealRoutes';
import type { answerAppeal, appealDetail, appealStatistics, listAppeals, myAppealDetail, raiseAppeal } from './appeals';
import type { zoneCounts } from './counts';
import type { createPlan, listPlans, planDetail, setActual } from './plans';
import type { addMember, createPool, listPools, poolDetail, poolsOf } from './pools';
import type { addTag, enterpriseDetail, listEnterprises, setFigures, updateEnterprise } from './register';
import type { enterprisePage } from './routes';
import type { createVisit, listVisits } from './visits';
import type { accountBody, accountRow, actualRow, appealCounts, appealDetailBody, appealRow, appealStatsBody, appealVersioned, appealView, assessment, countsBody, enterpriseDetailBody, enterprisePageBody, enterpriseRow, eventRow, figureRow, memberRow, myAppealDetailBody, myEnterpriseBody, planDetailBody, planList, planRow, poolDetailBody, poolGoal, poolList, poolOf, poolRow, poolRules, progress, snapshot, tagSpanRow, unitStats, visitPage, visitRow } from './schemas';

type Missing<Returned, Schema extends z.ZodType> = Exclude<keyof Returned, keyof z.output<Schema>>;
type Assert<T extends never> = T;
type Item<T> = T extends readonly (infer I)[] ? I : never;
type Out<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Detail = Out<typeof enterprisePage>;
type Mine = Out<typeof myEnterprise>;
type PoolDetail = Out<typeof poolDetail>;
type Stats = Out<typeof appealStatistics>;
export type SchemaChecks = [
  Assert<Missing<Item<Out<typeof listEnterprises>['items']>, typeof enterprisePageBody.shape.items.element>>,
  Assert<Missing<Out<typeof updateEnterprise>, typeof enterpriseRow>>,
  Assert<Missing<Out<typeof enterpriseDetail>, typeof enterpriseDetailBody>>,
  Assert<Missing<Detail, typeof enterpriseDetailBody>>,
  Assert<Missing<Item<Detail['figures']>, typeof figureRow>>,
  Assert<Missing<Item<Detail['tags']>, typeof tagSpanRow>>,
  Assert<Missing<Item<Detail['pools']>, typeof poolOf>>,
  Assert<Missing<Item<Out<typeof poolsOf>>, typeof poolOf>>,
  Assert<Missing<Item<Detail['plans']>, typeof planRow>>,
  Assert<Missing<Detail['appeals'], typeof appealCounts>>,
  Assert<Missing<Item<Out<typeof listEnterpriseAccounts>>, typeof accountRow>>,
  Assert<Missing<Mine, typeof myEnterpriseBody>>,
  Assert<Missing<Out<typeof setFigures>, typeof figureRow>>,
  Assert<Missing<Out<typeof addTag>, typeof tagSpanRow>>,
  Assert<Missing<Out<typeof createEnterpriseAccount>, typeof accountBody>>,
  Assert<Missing<Out<typeof zoneCounts>, typeof countsBody>>,
  Assert<Missing<Item<Out<typeof zoneCounts>['counts']>, typeof countsBody.shape.counts.element>>,
  Assert<Missing<Item<Out<typeof listPools>>, typeof poolList.element>>,
  Assert<Missing<Out<typeof createPool>, typeof poolRow>>,
  Assert<Missing<Out<typeof createPool>['rules'], typeof poolRules>>,
  Assert<Missing<Out<typeof createPool>['goal'], typeof poolGoal>>,
  Assert<Missing<PoolDetail, typeof poolDetailBody>>,
  Assert<Missing<Item<PoolDetail['members']>, typeof poolDetailBody.shape.members.element>>,
  Assert<Missing<Item<PoolDetail['members']>['progress'], typeof progress>>,
  Assert<Missing<Item<PoolDetail['candidates']>, typeof snapshot>>,
  Assert<Missing<Out<typeof addMember>, typeof memberRow>>,
  Assert<Missing<Out<typeof createPlan>, typeof planRow>>,
  Assert<Missing<Item<Out<typeof listPlans>>, typeof planList.element>>,
  Assert<Missing<NonNullable<Item<Out<typeof listPlans>>['assessment']>, typeof assessment>>,
  Assert<Missing<Out<typeof planDetail>, typeof planDetailBody>>,
  Assert<Missing<Item<Out<typeof planDetail>['months']>, typeof planDetailBody.shape.months.element>>,
  Assert<Missing<Out<typeof setActual>, typeof actualRow>>,
  Assert<Missing<Out<typeof createVisit>, typeof visitRow>>,
  Assert<Missing<Item<Out<typeof listVisits>['items']>, typeof visitPage.shape.items.element>>,
  Assert<Missing<Out<typeof raiseAppeal>, typeof appealRow>>,
  Assert<Missing<Out<typeof answerAppeal>, typeof appealVersioned>>,
  Assert<Missing<Item<Out<typeof listAppeals>['items']>, typeof appealView>>,
  Assert<Missing<Out<typeof appealDetail>, typeof appealDetailBody>>,
  Assert<Missing<Item<Out<typeof appealDetail>['events']>, typeof eventRow>>,
  Assert<Missing<Item<Out<typeof appealDetail>['allowedActions']>, typeof appealDetailBody.shape.allowedActions.element>>,
  Assert<Missing<Out<typeof myAppealDetail>, typeof myAppealDetailBody>>,
  Assert<Missing<Item<Out<typeof myAppealDetail>['events']>, typeof myAppealDetailBody.shape.events.element>>,
  Assert<Missing<Stats, typeof appealStatsBody>>,
  Assert<Missing<Stats['total'], typeof unitStats>>,
  Assert<Missing<Item<Stats['byCategory']>, typeof appealStatsBody.shape.byCategory.element>>,
];
