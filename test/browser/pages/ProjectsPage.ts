// 项目: the list, the new-project form, a project's detail (plan, milestones, problems and
// their closed loop, the service checklist, the 专班), the battle map (Gantt, map, board).
import type { Locator, Page } from 'playwright-core';
import { chooseIn } from './antd';

export class ProjectsPage {
  constructor(readonly page: Page) {}

  /** Picks an option of an antd Select by its visible text (the list is virtual: typed to bring it into view). */
  choose(testId: string, text: string): Promise<void> {
    return chooseIn(this.page, this.page.getByTestId(testId), text, true);
  }

  /** Types a date into an antd DatePicker (the test id sits on the input or on its wrapper). */
  async pickDate(testId: string, date: string): Promise<void> {
    const input = this.page.locator(`input[data-testid="${testId}"]:visible, [data-testid="${testId}"] input:visible`).first();
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  // The list
  async openList(): Promise<this> {
    await this.page.goto('/projects/list');
    await this.listRows.first().waitFor();
    return this;
  }
  get listRows(): Locator {
    return this.page.getByTestId('project-list').locator('.ant-table-row');
  }

  // A project
  get head(): Locator {
    return this.page.getByTestId('project-head');
  }
  get milestones(): Locator {
    return this.page.getByTestId('milestones').locator('tbody tr.ant-table-row');
  }
  get problemDrawer(): Locator {
    return this.page.getByTestId('problem-drawer');
  }
  /** Opens the problems tab and the problem showing `title`. */
  async openProblem(title: string): Promise<void> {
    await this.page.getByTestId('tab-problems').click();
    await this.page.getByTestId('problems').getByText(title).click();
  }
  /** Clicks a loop action on the open problem and waits until its state shows `then`. */
  async act(action: string, then: string): Promise<void> {
    await this.page.getByTestId(`act-${action}`).click();
    await this.problemDrawer.getByText(then).first().waitFor();
  }
  get serviceProgress(): Locator {
    return this.page.getByTestId('svc-progress');
  }

  // The battle map
  async openMap(): Promise<this> {
    await this.page.goto('/projects/map');
    await this.page.getByTestId('gantt').waitFor();
    return this;
  }
  get statusCounts(): Locator {
    return this.page.getByTestId('status-counts');
  }
  async view(label: '甘特图' | '地图' | '看板'): Promise<void> {
    await this.page.getByTestId('view-switch').getByText(label).click();
  }
  /** A column of the board (signed, started…). */
  board(stage: string): Locator {
    return this.page.getByTestId(`board-${stage}`);
  }
}
