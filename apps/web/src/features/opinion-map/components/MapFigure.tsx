import type { OpinionMapView } from '@sesame/domain';
import { getTranslations } from 'next-intl/server';

import { fitPoints, groupStyle, shapePath } from '../group-style';
import styles from './opinion-map.module.css';

const WIDTH = 400;
const HEIGHT = 320;
const MARGIN = 24;

/** A group's mark, for the legend and the lists (decorative: the text says the group's letter). */
export function GroupMark({ group, size = 14 }: { group: string | null; size?: number }) {
  const style = groupStyle(group);
  return (
    <svg aria-hidden="true" focusable="false" width={size} height={size} viewBox="0 0 20 20" className={styles.mark}>
      <path d={shapePath(style.shape, 10, 10, 7)} fill={style.colour} stroke="#000" strokeWidth="1" />
    </svg>
  );
}

/**
 * The map: each participant a point, drawn with its group's colour and shape,
 * the reader's own position ringed and labelled (the label only on wide
 * screens: on a phone it would be tiny and cover points; the legend says it). Hand-drawn SVG that scales
 * to the width of the screen. Screen readers get a summary (the figure's
 * title and description) and the table further down.
 */
export async function MapFigure({ map }: { map: OpinionMapView }) {
  const t = await getTranslations('OpinionMap.map');
  const fit = fitPoints(map.me ? [...map.participants, map.me] : map.participants, WIDTH, HEIGHT, MARGIN);
  const me = map.me ? fit(map.me) : null;
  const labelLeft = me !== null && me.x > WIDTH - 110;
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="carte-titre carte-description" className={styles.svg}>
        <title id="carte-titre">{t('svgTitle')}</title>
        <desc id="carte-description">{t('svgDescription', { voters: map.voters, groups: map.groups.length })}</desc>
        <rect x="0.5" y="0.5" width={WIDTH - 1} height={HEIGHT - 1} fill="#fff" stroke="#767676" />
        <line x1={WIDTH / 2} y1="8" x2={WIDTH / 2} y2={HEIGHT - 8} stroke="#d0d0d0" strokeDasharray="4 4" />
        <line x1="8" y1={HEIGHT / 2} x2={WIDTH - 8} y2={HEIGHT / 2} stroke="#d0d0d0" strokeDasharray="4 4" />
        {map.participants.map((participant, index) => {
          const point = fit(participant);
          const style = groupStyle(participant.group);
          return <path key={index} d={shapePath(style.shape, point.x, point.y, 5)} fill={style.colour} fillOpacity={participant.group ? 0.85 : 0.4} stroke="#000" strokeWidth="0.6" />;
        })}
        {me ? (
          <g>
            <circle cx={me.x} cy={me.y} r="11" fill="none" stroke="#000" strokeWidth="3" />
            <circle cx={me.x} cy={me.y} r="11" fill="none" stroke="#fff" strokeWidth="1" />
            <text className={styles.youAreHere} x={labelLeft ? me.x - 15 : me.x + 15} y={me.y + 5} textAnchor={labelLeft ? 'end' : 'start'} fontSize="15" fontWeight="700" fill="#000" stroke="#fff" strokeWidth="4" paintOrder="stroke">
              {t('youAreHere')}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {map.groups.map((group) => (
            <li key={group.group}>
              <GroupMark group={group.group} />
              {t('legendGroup', { group: group.group, shape: t(`shapes.${groupStyle(group.group).shape}`), size: group.size })}
            </li>
          ))}
          {me ? (
            <li>
              <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 20 20" className={styles.mark}>
                <circle cx="10" cy="10" r="7" fill="none" stroke="#000" strokeWidth="3" />
              </svg>
              {map.me?.group ? t('legendMeInGroup', { group: map.me.group }) : t('legendMe')}
            </li>
          ) : null}
        </ul>
        <p className="hint">{t('howToRead')}</p>
      </figcaption>
    </figure>
  );
}
